import { pageOf } from './page-url';

describe('pageOf', () => {
  it('keeps the origin and the first path segments, never the query or fragment', () => {
    expect(pageOf('https://shop.example/de/pricing?email=ana@example.org#top')).toBe('https://shop.example/de/pricing');
    expect(pageOf('https://shop.example')).toBe('https://shop.example/');
    // The left-out segments are marked with "…", percent-encoded: the page is published as a URI, ASCII only.
    expect(pageOf('https://shop.example/a/b/c/d/e')).toBe('https://shop.example/a/b/c/%E2%80%A6');
    expect(pageOf('https://shop.example/de/a/b/c')).toMatch(/^[!-~]+$/);
    expect(pageOf(undefined)).toBeNull();
  });

  it('redacts segments that could identify someone', () => {
    expect(pageOf('https://clinic.example/patients/ana.lopez@example.org/records')).toBe(
      'https://clinic.example/patients/:redacted/records',
    );
    expect(pageOf('https://shop.example/orders/4111-1111-1111-1111')).toBe('https://shop.example/orders/:redacted');
    expect(pageOf('https://shop.example/call/+44-20-7946-0958')).toBe('https://shop.example/call/:redacted');
    expect(pageOf('https://clinic.example/intake/type-2-diabetes')).toBe('https://clinic.example/intake/:redacted');
    expect(pageOf('https://clinic.example/ssn/123%2045%206789')).toBe('https://clinic.example/ssn/:redacted');
    expect(pageOf('https://shop.example/%E0%A4%A')).toBe('https://shop.example/:redacted');
  });

  it('keeps ordinary slugs, so playbooks can still branch on the page', () => {
    expect(pageOf('https://shop.example/en/enterprise-plans')).toBe('https://shop.example/en/enterprise-plans');
    expect(pageOf('https://shop.example/blog/2024/launch')).toBe('https://shop.example/blog/2024/launch');
    expect(pageOf('https://shop.example/track/90210')).toBe('https://shop.example/track/:redacted');
  });
});
