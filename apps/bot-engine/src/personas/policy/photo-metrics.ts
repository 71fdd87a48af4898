import { DecodedImage } from './png';

/** Measurements that separate camera images from flat artwork; see `looksPhotographic`. */
export interface PhotoMetrics {
  /** Interior pixels read (on a grid for large images). */
  samples: number;
  distinctColours: number;
  /** Share of samples not on a flat area or straight (linear) ramp: texture, noise or edges. */
  curvedShare: number;
  /** Share of samples with a small non-zero curvature: sensor grain, which drawn edges rarely leave. */
  grainShare: number;
}

/** Sampling budget: large images are read on a grid so the cost stays near 16k pixels. */
const SAMPLE_BUDGET = 16_384;
/** Second difference (|2p − left − right|, per channel) a rounded linear ramp never exceeds. */
const CURVED = 3;
/** Upper end of the grain band: sensor noise of a few levels; anti-aliased edges mostly jump above it. */
const GRAIN_MAX = 16;
/** Artwork measured at most ~1–2% grain, photo-like images 20% and more. */
const GRAINY = 0.1;

export function measure(image: DecodedImage): PhotoMetrics {
  const { width, height } = image;
  const rgb = compositeOnWhite(image.rgba);
  const step = Math.max(1, Math.ceil(Math.sqrt((width * height) / SAMPLE_BUDGET)));
  const colours = new Set<number>();
  let samples = 0;
  let curved = 0;
  let grain = 0;
  for (let y = 1; y < height - 1; y += step) {
    for (let x = 1; x < width - 1; x += step) {
      const p = (y * width + x) * 3;
      const [left, right, up, down] = [p - 3, p + 3, p - width * 3, p + width * 3];
      samples++;
      colours.add((rgb[p] << 16) | (rgb[p + 1] << 8) | rgb[p + 2]);
      let second = 0;
      for (let c = 0; c < 3; c++) {
        const v = rgb[p + c];
        second = Math.max(
          second,
          Math.abs(2 * v - rgb[left + c] - rgb[right + c]),
          Math.abs(2 * v - rgb[up + c] - rgb[down + c]),
        );
      }
      if (second <= CURVED) continue;
      curved++;
      if (second <= GRAIN_MAX) grain++;
    }
  }
  return {
    samples,
    distinctColours: colours.size,
    curvedShare: samples === 0 ? 0 : curved / samples,
    grainShare: samples === 0 ? 0 : grain / samples,
  };
}

/**
 * Camera images carry grain: nearly every pixel deviates a little from its neighbours' straight line. Drawn
 * artwork does not: flat areas and linear or radial ramps have no curvature, and anti-aliased edges have large
 * curvature on a thin band only. So an image is photographic when enough of it is grainy (soft portraits, grey
 * photos, a face on a white background), or when it is heavily textured AND has many colours (strong noise,
 * foliage: curvature above the grain band). Thresholds were set on synthetic images; see the spec.
 */
export function looksPhotographic(metrics: PhotoMetrics): boolean {
  const grainy = metrics.grainShare >= GRAINY && metrics.distinctColours >= 64;
  const noisy = metrics.curvedShare >= 0.5 && metrics.distinctColours >= 1024;
  return grainy || noisy;
}

/** Transparent areas become flat white, half-transparent edges blend: what a visitor sees on a light page. */
function compositeOnWhite(rgba: Uint8Array): Uint8Array {
  const rgb = new Uint8Array((rgba.length / 4) * 3);
  for (let i = 0, o = 0; i < rgba.length; i += 4, o += 3) {
    const alpha = rgba[i + 3];
    for (let c = 0; c < 3; c++) rgb[o + c] = Math.round((rgba[i + c] * alpha + 255 * (255 - alpha)) / 255);
  }
  return rgb;
}
