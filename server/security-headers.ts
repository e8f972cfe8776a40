// The response headers of the production server (security guide), in one place: the page headers every
// response carries, and the stricter set for /api responses, which are data and never a page.

/** The page's Content-Security-Policy; `apiOrigin` is a cross-origin API the app calls (VITE_API_BASE_URL). */
function pagePolicy(apiOrigin: string | undefined): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${apiOrigin ? ` ${apiOrigin}` : ''}`,
    "base-uri 'none'",
    "object-src 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "worker-src 'self'",
    "manifest-src 'self'",
  ].join('; ');
}

export function pageHeaders(apiOrigin: string | undefined): Record<string, string> {
  return {
    'Content-Security-Policy': pagePolicy(apiOrigin),
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}

/** On every /api response, over whatever the upstream sent: an upstream HTML page must not run in our origin. */
export const apiHeaders: Readonly<Record<string, string>> = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; sandbox",
};

/** Only over HTTPS: a browser that saw it over plain HTTP would be told nothing true. */
export const hstsHeader = { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' };
