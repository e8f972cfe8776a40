import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { JumpToJob } from './jump-to-job.tsx';

describe('JumpToJob', () => {
  it('opens a UUID typed in upper case as the job it names', async () => {
    const user = userEvent.setup();
    const router = createMemoryRouter([{ path: '*', element: <JumpToJob /> }], {
      initialEntries: ['/jobs'],
    });
    render(<RouterProvider router={router} />);
    await user.type(
      screen.getByRole('textbox', { name: 'Jump to job' }),
      ' 0F8E3A52-6C1D-4B7E-9A2F-3D5C7E9B1A40 {Enter}',
    );
    expect(router.state.location.pathname).toBe('/jobs/0f8e3a52-6c1d-4b7e-9a2f-3d5c7e9b1a40');
  });
});
