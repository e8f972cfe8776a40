import {
  forgetOrganizations,
  recentOrganizations,
  rememberOrganization,
} from './recent-organizations.ts';

const STORED = 'nuextract.recent-organizations';

describe('recent organizations', () => {
  it('are remembered newest first, and forgotten at sign-out', () => {
    rememberOrganization('acme');
    rememberOrganization('globex');
    rememberOrganization('acme');
    expect(recentOrganizations()).toEqual(['acme', 'globex']);
    forgetOrganizations();
    expect(recentOrganizations()).toEqual([]);
  });

  it('keeps the eight most recent', () => {
    for (let i = 1; i <= 10; i++) rememberOrganization(`org ${i}`);
    expect(recentOrganizations()).toEqual([10, 9, 8, 7, 6, 5, 4, 3].map((i) => `org ${i}`));
  });

  it.each([
    ['not JSON', '["acme"', []],
    ['not a list', '{"0":"acme"}', []],
    ['a list with other things in it', '["acme",1,null,{"a":"b"},"globex"]', ['acme', 'globex']],
  ])('reads storage holding %s as the names it can use', (_, stored, names) => {
    localStorage.setItem(STORED, stored);
    expect(recentOrganizations()).toEqual(names);
  });
});
