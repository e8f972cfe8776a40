import { linkHost, linkText, safeHttpUrl } from './safe-url.ts';

describe('safeHttpUrl', () => {
  it.each([
    ['https://example.com/x?y=1', 'https://example.com/x?y=1'],
    ['http://example.com', 'http://example.com/'],
    ['HTTPS://EXAMPLE.COM', 'https://example.com/'],
  ])('links %s', (value, href) => expect(safeHttpUrl(value)).toBe(href));

  it.each([
    'javascript:alert(1)',
    ' javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'blob:https://example.com/uuid',
    'vbscript:msgbox',
    'file:///etc/passwd',
    '//example.com',
    '/relative',
    'example.com',
    'mailto:a@b.c',
    '',
  ])('does not link %j', (value) => expect(safeHttpUrl(value)).toBeNull());
});

describe('link text and host', () => {
  it('strips every bidi control from the text shown', () => {
    const controls = '\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069';
    expect(linkText(`https://a.example/${controls}x`)).toBe('https://a.example/x');
  });

  it('names the host, with its port, as the browser reaches it', () => {
    expect(linkHost('https://user@a.example:8443/x')).toBe('a.example:8443');
    expect(linkHost('https://bücher.example/')).toBe('xn--bcher-kva.example');
  });
});
