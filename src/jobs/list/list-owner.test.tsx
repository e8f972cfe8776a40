import { render, screen } from '@testing-library/react';
import { ListOwner } from './list-owner.tsx';

const personal = {};
const acme = { ownerOrganization: 'acme-legal' };

describe('the list owner label', () => {
  it('names the organization asked for', () => {
    render(<ListOwner organization="acme-legal" rows={undefined} />);
    expect(screen.getByText(/Organization/)).toHaveTextContent('Organization acme-legal');
  });

  it("labels an unfiltered list by its jobs' organization, not Personal by assumption", () => {
    render(<ListOwner organization={null} rows={[acme, acme]} />);
    expect(screen.getByText(/Organization/)).toHaveTextContent('Organization acme-legal');
    expect(screen.queryByText('Personal account')).not.toBeInTheDocument();
  });

  it('says Personal account when no job has an organization', () => {
    render(<ListOwner organization={null} rows={[personal]} />);
    expect(screen.getByText('Personal account')).toBeInTheDocument();
  });

  it('names every owner of a mixed page, and says nothing while there are no jobs', () => {
    const { container, rerender } = render(
      <ListOwner organization={null} rows={[acme, { ownerOrganization: 'globex' }, personal]} />,
    );
    expect(container).toHaveTextContent('Organizations acme-legal, globex and personal jobs');
    rerender(<ListOwner organization={null} rows={[]} />);
    expect(container).toHaveTextContent(/^$/);
  });
});
