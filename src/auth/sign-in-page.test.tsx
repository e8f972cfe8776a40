import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { vi } from 'vitest';
import { fakeApi, json, type FakeApi } from '../test-kit/fake-api.ts';
import { renderInRouter } from '../test-kit/render-in-router.tsx';
import { SignInPage } from './sign-in-page.tsx';
import { clearToken, getToken } from './token-store.ts';

function renderAt(url: string) {
  return renderInRouter(
    <Routes>
      <Route path="/sign-in" element={<SignInPage />} />
      <Route path="*" element={<p>Landed</p>} />
    </Routes>,
    [url],
  ).history;
}

/** The fetches that went to the API (not the demo token's). */
const apiCalls = (api: FakeApi) => api.calls.filter((c) => c.startsWith('/api/'));

async function signInWith(token: string) {
  await userEvent.type(screen.getByLabelText('API token'), token);
  await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

afterEach(() => {
  clearToken('signed-out');
  vi.unstubAllGlobals();
});

describe('the sign-in page', () => {
  it('checks the trimmed token with one list call, keeps it, and returns to the page', async () => {
    const api = fakeApi();
    const history = renderAt('/sign-in?returnTo=%2Fjobs%3Fskip%3D30');
    await signInWith('  tok-123  ');
    expect(await screen.findByText('Landed')).toBeInTheDocument();
    expect(history.url()).toBe('/jobs?skip=30');
    expect(getToken()).toBe('tok-123');
    expect(apiCalls(api)).toEqual(['/api/jobs?perPage=1']);
  });

  it('says a wrong token was not accepted, and keeps nothing', async () => {
    fakeApi().reply(() => json({ message: 'Unauthorized' }, 401));
    renderAt('/sign-in');
    await signInWith('wrong');
    expect(await screen.findByRole('alert')).toHaveTextContent('not accepted');
    expect(getToken()).toBeNull();
    expect(screen.getByLabelText('API token')).toHaveValue('wrong');
  });

  it('says the same of a token answered 403 (the service of 2026 may refuse a bad key so)', async () => {
    fakeApi().reply(() => json({ message: 'Forbidden' }, 403));
    renderAt('/sign-in');
    await signInWith('wrong');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'That token was not accepted. Check it and try again.',
    );
    expect(getToken()).toBeNull();
  });

  it('says so differently when the API cannot be reached', async () => {
    fakeApi().reply(() => Promise.reject(new TypeError('Failed to fetch')));
    renderAt('/sign-in');
    await signInWith('tok');
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not reach the API');
  });

  it('never follows a return path to another origin', async () => {
    fakeApi();
    const history = renderAt('/sign-in?returnTo=%2F%2Fevil.example%2Fjobs');
    await signInWith('tok');
    await screen.findByText('Landed');
    expect(history.pathname()).toBe('/jobs');
  });
});

describe('the sign-in page in demo mode', () => {
  it('offers the demo token, checks it like any other, and keeps it', async () => {
    const api = fakeApi({ demoToken: 'demo-tok' });
    renderAt('/sign-in');
    await userEvent.click(await screen.findByRole('button', { name: 'Use the demo token' }));
    expect(await screen.findByText('Landed')).toBeInTheDocument();
    expect(getToken()).toBe('demo-tok');
    const [, init] = api.fetch.mock.calls.find(([url]) => String(url).startsWith('/api/')) ?? [];
    expect(new Headers(init?.headers).get('Authorization')).toBe('Bearer demo-tok');
  });

  it('offers nothing against the real API', async () => {
    const api = fakeApi();
    renderAt('/sign-in');
    await waitFor(() => expect(api.calls).toEqual(['/__sim/demo']));
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeEnabled();
    expect(screen.queryByRole('heading', { name: 'Demo mode' })).not.toBeInTheDocument();
  });
});

describe('the sign-in page and odd tokens', () => {
  it('explains a token with characters no header can carry, without calling the API', async () => {
    const api = fakeApi();
    renderAt('/sign-in');
    await signInWith('tok“quoted”');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'characters an API token cannot have',
    );
    expect(apiCalls(api)).toEqual([]);
  });
});
