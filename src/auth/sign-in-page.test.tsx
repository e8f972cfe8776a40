import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { vi } from 'vitest';
import { SignInPage } from './sign-in-page.tsx';
import { clearToken, getToken } from './token-store.ts';

function renderAt(url: string) {
  const router = createMemoryRouter(
    [
      { path: '/sign-in', element: <SignInPage /> },
      { path: '*', element: <p>Landed</p> },
    ],
    { initialEntries: [url] },
  );
  render(
    <QueryClientProvider client={new QueryClient()}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return router;
}

function stubApi(listResponse: () => Promise<Response>, demoToken?: string) {
  const fetchMock = vi.fn(async (url: string) =>
    url !== '/__sim/demo'
      ? listResponse()
      : demoToken
        ? Response.json({ token: demoToken })
        : new Response('', { status: 404 }),
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
    const router = renderAt('/sign-in?returnTo=%2Fjobs%3Fskip%3D30');
    await userEvent.type(screen.getByLabelText('API token'), '  tok-123  ');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Landed')).toBeInTheDocument();
    expect(router.state.location.pathname + router.state.location.search).toBe('/jobs?skip=30');
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
    const router = renderAt('/sign-in?returnTo=%2F%2Fevil.example%2Fjobs');
    await userEvent.type(screen.getByLabelText('API token'), 'tok');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByText('Landed');
    expect(router.state.location.pathname).toBe('/jobs');
  });
});

describe('the sign-in page in demo mode', () => {
  it('offers the demo token, checks it like any other, and keeps it', async () => {
    const fetchMock = stubApi(
      async () => new Response(JSON.stringify({ totalCount: 0, skip: 0, perPage: 1, items: [] })),
      'demo-tok',
    );
    renderAt('/sign-in');
    await userEvent.click(await screen.findByRole('button', { name: 'Use the demo token' }));
    expect(await screen.findByText('Landed')).toBeInTheDocument();
    expect(getToken()).toBe('demo-tok');
    const [, init] = fetchMock.mock.calls.find(([url]) => url.startsWith('/api/')) as unknown as [
      string,
      RequestInit,
    ];
    expect(new Headers(init.headers).get('Authorization')).toBe('Bearer demo-tok');
  });

  it('offers nothing against the real API', async () => {
    const fetchMock = stubApi(async () => new Response('{}'));
    renderAt('/sign-in');
    await waitFor(() => expect(fetchMock.mock.calls.map(([url]) => url)).toEqual(['/__sim/demo']));
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeEnabled();
    expect(screen.queryByRole('heading', { name: 'Demo mode' })).not.toBeInTheDocument();
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
