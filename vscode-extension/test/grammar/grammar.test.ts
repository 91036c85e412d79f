import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { loadPruneGrammar, tokenizeLines, Token } from './tokenize';

const root = path.resolve(__dirname, '../../..');
const tutorial = fs.readFileSync(path.join(root, 'test/fixtures/tutorial.prune'), 'utf8');

let lines: Token[][];

/** The scopes of the first token whose text is `text` on line `line` (1-based, as an editor shows it). */
function scopesOf(line: number, text: string, nth = 0): string[] {
  const found = lines[line - 1].filter((t) => t.text === text)[nth];
  assert.ok(found, `no token "${text}" on line ${line}: ${JSON.stringify(lines[line - 1].map((t) => t.text))}`);
  return found.scopes;
}

function assertScope(line: number, text: string, scope: string, nth = 0): void {
  const scopes = scopesOf(line, text, nth);
  assert.ok(scopes.includes(scope), `"${text}" on line ${line} has ${scopes.join(' ')}, not ${scope}`);
}

test.before(async () => {
  lines = tokenizeLines(await loadPruneGrammar(), tutorial);
});

test('comments with # and // cover the rest of the line', () => {
  assert.ok(lines[0].every((t) => t.scopes.includes('comment.line.number-sign.prune')));
  assertScope(4, '#', 'punctuation.definition.comment.prune');
  assertScope(4, " Keras H5, safetensors or the engine's own format", 'comment.line.number-sign.prune');
  assertScope(8, '//', 'comment.line.double-slash.prune');
  assertScope(8, ' for data-driven criteria and evaluation', 'comment.line.double-slash.prune');
});

test('block keywords and the names after them', () => {
  assertScope(2, 'experiment', 'keyword.control.experiment.prune');
  assertScope(2, 'resnet56_l1', 'entity.name.type.experiment.prune');
  assertScope(3, 'model', 'keyword.control.model.prune');
  assertScope(3, 'resnet56', 'entity.name.model.prune');
  assertScope(6, 'dataset', 'keyword.control.dataset.prune');
  assertScope(10, 'prune', 'keyword.control.prune.prune');
  assertScope(10, 'filters', 'support.type.granularity.prune');
  assertScope(16, 'finetune', 'keyword.control.prune');
  assertScope(21, 'latency', 'keyword.control.prune');
  assertScope(25, 'energy', 'keyword.control.prune');
  assertScope(29, 'target', 'keyword.control.target.prune');
  assertScope(29, 'ssh', 'support.constant.target.prune');
});

test('property keys, including after { and ; on one line', () => {
  assertScope(4, 'weights', 'variable.other.property.prune');
  assertScope(11, 'criterion', 'variable.other.property.prune');
  assertScope(15, 'pattern', 'variable.other.property.prune');
  assertScope(15, 'criterion', 'variable.other.property.prune');
  assertScope(15, 'weights', 'support.type.granularity.prune');
  assertScope(15, ';', 'punctuation.terminator.statement.prune');
});

test('numbers with their units, and N:M patterns', () => {
  assertScope(8, '5000', 'constant.numeric.prune');
  assertScope(12, '30', 'constant.numeric.prune');
  assertScope(12, '%', 'keyword.other.unit.prune');
  assertScope(15, '2:4', 'constant.numeric.pattern.prune');
  assertScope(18, '0.01', 'constant.numeric.prune');
  assertScope(26, '0.432', 'constant.numeric.prune');
  assertScope(26, 'kg/kWh', 'keyword.other.unit.prune');
  assertScope(32, '5', 'constant.numeric.prune');
  assertScope(32, 'ms', 'keyword.other.unit.prune');
  assertScope(33, '1.5', 'constant.numeric.prune');
  assertScope(33, 'x', 'keyword.other.unit.prune');
});

test('digits inside names are not numbers', () => {
  assert.ok(!scopesOf(3, 'resnet56').includes('constant.numeric.prune'));
  assert.ok(!lines[5].some((t) => t.text === '10'), 'cifar10 stays one token');
});

test('strings with escapes', () => {
  assertScope(4, 'models/ResNet56++.h5', 'string.quoted.double.prune');
  assertScope(29, '\\"', 'constant.character.escape.prune');
  assertScope(29, 'a', 'string.quoted.double.prune');
  assertScope(29, '"', 'punctuation.definition.string.end.prune', 1);
});

test('measure and expect: metrics, drop, comparison operators', () => {
  assertScope(20, 'measure', 'keyword.control.measure.prune');
  assertScope(20, 'latency', 'support.variable.metric.prune');
  assertScope(20, 'carbon', 'support.variable.metric.prune');
  assertScope(30, 'expect', 'keyword.control.expect.prune');
  assertScope(30, 'flops', 'support.variable.metric.prune');
  assertScope(30, '<=', 'keyword.operator.comparison.prune');
  assertScope(31, 'drop', 'keyword.operator.word.drop.prune');
  assertScope(32, '<', 'keyword.operator.comparison.prune');
  assertScope(33, '>=', 'keyword.operator.comparison.prune');
});

test('criterion values and scopes are known constants', () => {
  assertScope(11, 'l1', 'support.constant.value.prune');
  assertScope(11, 'random', 'support.constant.value.prune');
  assertScope(13, 'per-layer', 'support.constant.value.prune');
});

test('the repository samples tokenize without invalid scopes', async () => {
  const samples = path.resolve(root, '../samples');
  const specs = fs.existsSync(samples) ? fs.readdirSync(samples, { recursive: true } as never).map(String).filter((f) => f.endsWith('.prune')) : [];
  const grammar = await loadPruneGrammar();
  for (const spec of [...specs.map((f) => path.join(samples, f)), path.join(root, 'test/fixtures/tutorial.prune')]) {
    const tokens = tokenizeLines(grammar, fs.readFileSync(spec, 'utf8')).flat();
    const invalid = tokens.filter((t) => t.scopes.some((s) => s.startsWith('invalid')));
    assert.deepEqual(invalid, [], `${spec} has invalid tokens`);
  }
});
