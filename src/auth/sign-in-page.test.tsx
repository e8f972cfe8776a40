import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { renderInRouter } from '../test-kit/render-in-router.tsx';
import { vi } from 'vitest';
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

function stubApi(listResponse: () => Promise<Response>) {
  const fetchMock = vi.fn(async (url: string) =>
    url.startsWith('/__sim/') ? new Response('', { status: 404 }) : listResponse(),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => {
  clearToken('signed-out');
  vi.unstubAllGlobals();
});

describe('the sign-in page', () => {
  it('checks the trimmed token with one list call, keeps it, and returns to the page', async () => {
    const fetchMock = stubApi(
      async () => new Response(JSON.stringify({ totalCount: 0, skip: 0, perPage: 1, items: [] })),
    );
    const history = renderAt('/sign-in?returnTo=%2Fjobs%3Fskip%3D30');
    await userEvent.type(screen.getByLabelText('API token'), '  tok-123  ');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Landed')).toBeInTheDocument();
    expect(history.url()).toBe('/jobs?skip=30');
    expect(getToken()).toBe('tok-123');
    const listCalls = fetchMock.mock.calls.filter(([url]) => url.startsWith('/api/'));
    expect(listCalls).toHaveLength(1);
  });

  it('says a wrong token was not accepted, and keeps nothing', async () => {
    stubApi(async () => new Response('{"message":"Unauthorized"}', { status: 401 }));
    renderAt('/sign-in');
    await userEvent.type(screen.getByLabelText('API token'), 'wrong');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('not accepted');
    expect(getToken()).toBeNull();
    expect(screen.getByLabelText('API token')).toHaveValue('wrong');
  });

  it('says so differently when the API cannot be reached', async () => {
    stubApi(async () => Promise.reject(new TypeError('Failed to fetch')));
    renderAt('/sign-in');
    await userEvent.type(screen.getByLabelText('API token'), 'tok');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not reach the API');
  });

  it('never follows a return path to another origin', async () => {
    stubApi(
      async () => new Response(JSON.stringify({ totalCount: 0, skip: 0, perPage: 1, items: [] })),
    );
    const history = renderAt('/sign-in?returnTo=%2F%2Fevil.example%2Fjobs');
    await userEvent.type(screen.getByLabelText('API token'), 'tok');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByText('Landed');
    expect(history.pathname()).toBe('/jobs');
  });
});

describe('the sign-in page and odd tokens', () => {
  it('explains a token with characters no header can carry, without calling the API', async () => {
    const fetchMock = stubApi(async () => new Response('{}'));
    renderAt('/sign-in');
    await userEvent.type(screen.getByLabelText('API token'), 'tok“quoted”');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'characters an API token cannot have',
    );
    expect(fetchMock.mock.calls.filter(([url]) => url.startsWith('/api/'))).toHaveLength(0);
  });
});
