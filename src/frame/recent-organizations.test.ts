import {
  forgetOrganizations,
  recentOrganizations,
  rememberOrganization,
} from './recent-organizations.ts';

describe('recent organizations', () => {
  it('are remembered newest first, and forgotten at sign-out', () => {
    rememberOrganization('acme');
    rememberOrganization('globex');
    rememberOrganization('acme');
    expect(recentOrganizations()).toEqual(['acme', 'globex']);
    forgetOrganizations();
    expect(recentOrganizations()).toEqual([]);
  });
});
