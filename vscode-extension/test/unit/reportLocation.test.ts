import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { reportPathFrom, prepareReportHtml } from '../../src/report/reportLocation';

test('the report path is read from a path, a file URI or an object', () => {
  assert.equal(reportPathFrom('/ws/.titans/r/report.html'), '/ws/.titans/r/report.html');
  assert.equal(reportPathFrom('file:///ws/a%20b/report.html'), '/ws/a b/report.html');
  assert.equal(reportPathFrom({ report: '/r.html' }), '/r.html');
  assert.equal(reportPathFrom({ uri: 'file:///u.html' }), '/u.html');
  assert.equal(reportPathFrom(null), undefined);
  assert.equal(reportPathFrom(''), undefined);
  assert.equal(reportPathFrom({}), undefined);
});

test('the webview HTML gets a base for relative links and a script-free CSP inside <head>', () => {
  const html = prepareReportHtml('<html><head><title>r</title></head><body><img src="pareto.svg"></body></html>', 'vscode-resource://ws/r', 'vscode-src');
  assert.match(html, /^<html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src vscode-src data:;[^"]*"><base href="vscode-resource:\/\/ws\/r\/"><title>/);
  assert.doesNotMatch(html, /script-src/);
});

test('a fragment without <head> is wrapped into a document', () => {
  const html = prepareReportHtml('<h1>Result</h1>', 'b/', 'src');
  assert.match(html, /^<!DOCTYPE html><html><head>.*<base href="b\/"><\/head><body><h1>Result<\/h1><\/body><\/html>$/);
});
