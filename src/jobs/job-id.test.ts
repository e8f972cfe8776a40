import { canonicalJobId, jobIdFromPathname, sameJobId } from './job-id.ts';

const UUID = '0f8e3a52-6c1d-4b7e-9a2f-3d5c7e9b1a40';

describe('job ids', () => {
  it('spell a UUID one way whatever the case of its letters, and keep any other id as it is', () => {
    expect(canonicalJobId(UUID.toUpperCase())).toBe(UUID);
    expect(canonicalJobId('Job-ABC')).toBe('Job-ABC');
    expect(sameJobId(UUID, UUID.toUpperCase())).toBe(true);
    expect(sameJobId('Job-ABC', 'job-abc')).toBe(false);
    expect(sameJobId(UUID, `${UUID}0`)).toBe(false);
  });

  it('read a UUID typed in upper case in the address as the same job', () => {
    expect(jobIdFromPathname(`/jobs/${UUID.toUpperCase()}`)).toBe(UUID);
  });
});
