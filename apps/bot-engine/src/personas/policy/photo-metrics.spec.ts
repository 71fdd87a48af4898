import { looksPhotographic, measure } from './photo-metrics';

const image = (width: number, height: number, pixel: (x: number, y: number) => number[]) => {
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) rgba.set(pixel(x, y), (y * width + x) * 4);
  return { width, height, rgba };
};

describe('photo metrics', () => {
  it('sees no grain in flat areas and linear ramps', () => {
    const metrics = measure(image(64, 64, (x, y) => [x * 4, 255 - y * 4, x < 32 ? 0 : 200, 255]));
    expect(metrics.grainShare).toBe(0);
    expect(looksPhotographic(metrics)).toBe(false);
  });

  it('sees grain in every pixel of a noisy image', () => {
    const metrics = measure(
      image(64, 64, (x, y) => [100 + ((x * 7 + y * 3) % 9), 100 + ((x * 5 + y * 11) % 7), 90, 255]),
    );
    expect(metrics.grainShare).toBeGreaterThan(0.5);
  });

  it('composites transparency onto white, so hidden colours do not count', () => {
    const metrics = measure(image(32, 32, (x, y) => [(x * 97) & 0xff, (y * 31) & 0xff, 7, 0]));
    expect(metrics).toMatchObject({ distinctColours: 1, grainShare: 0, curvedShare: 0 });
  });

  it('samples large images on a grid of about 16k pixels', () => {
    expect(measure(image(1024, 1024, () => [0, 0, 0, 255])).samples).toBeLessThanOrEqual(16_384);
  });
});
