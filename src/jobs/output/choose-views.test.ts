import { describeOutput } from '../../lib/json/output-shape.ts';
import { chooseViews } from './choose-views.ts';

describe('the view chooser', () => {
  it('leads with the view of the kind of output, JSON and Raw always after it', () => {
    const extraction = describeOutput({ result: { a: 1 }, rawModelOutput: '{}' });
    expect(chooseViews(true, extraction)).toEqual({
      views: ['result', 'json', 'raw'],
      first: 'result',
    });
    expect(chooseViews(true, describeOutput({ result: '# md' }))).toEqual({
      views: ['preview', 'json', 'raw'],
      first: 'preview',
    });
    expect(chooseViews(true, describeOutput({ result: { a: 'string' } }))).toEqual({
      views: ['template', 'json', 'raw'],
      first: 'template',
    });
  });

  it('shows anything else as a tree, inputs too, and text that is not JSON as text', () => {
    expect(chooseViews(true, describeOutput({ anything: 1 }))).toEqual({
      views: ['json', 'raw'],
      first: 'json',
    });
    expect(chooseViews(true, undefined)).toEqual({ views: ['json', 'raw'], first: 'json' });
    expect(chooseViews(false, undefined)).toEqual({ views: [], first: 'raw' });
  });
});
