import { describe, expect, it } from 'vitest';
import { curlCommand } from './curl-command.ts';

describe('curlCommand', () => {
  it('reads the token from the environment and quotes an odd id safely', () => {
    const command = curlCommand("it's $(rm -rf)", 'https://dash.example');
    expect(command).toBe(
      `curl -H "Authorization: Bearer $NUEXTRACT_API_KEY" -H 'Accept: application/json' 'https://dash.example/api/jobs/it'\\''s%20%24(rm%20-rf)'`,
    );
  });
});
