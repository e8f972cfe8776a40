import { safeHttpUrl } from './safe-url.ts';

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
