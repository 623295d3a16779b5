/**
 * What a production install (`npm ci --omit=dev`) needs: the start-up decision about dist/ (build,
 * serve, or one line and exit 2), and every package the server loads at run time listed in
 * `dependencies`, since devDependencies are not installed there.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { NOT_BUILT, ROOT, planPages } from '../../server/platform/vite-build.ts';

describe('the pages at start', () => {
  const stale = 'dist/ is older than the sources: run npm run build to serve the current pages';
  it.each([
    // production, built, stale, vite → plan
    [true, true, false, true, { action: 'serve' }],
    [true, true, true, true, { action: 'serve', warning: stale }],
    [true, false, true, true, { action: 'fail', message: NOT_BUILT }],
    [false, true, false, true, { action: 'serve' }],
    [false, true, true, true, { action: 'build' }],
    [false, false, true, true, { action: 'build' }],
    [false, true, false, false, { action: 'serve' }],
    [false, true, true, false, { action: 'serve', warning: stale }],
    [false, false, true, false, { action: 'fail', message: NOT_BUILT }],
  ])('production=%s built=%s stale=%s vite=%s', (production, built, isStale, viteAvailable, plan) => {
    expect(planPages({ production, built, stale: isStale, viteAvailable })).toEqual(plan);
  });

  it('the failure says what to run', () => {
    expect(NOT_BUILT).toBe('the pages are not built: run npm run build first');
  });
});

interface RuntimeImport {
  file: string;
  packageName: string;
  dynamic: boolean;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|mts|js|mjs)$/.test(entry.name) ? [path] : [];
  });
}

function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) return undefined;
  const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
  return builtinModules.includes(name) ? undefined : name;
}

/** Imports that load code when the file runs: type-only imports and exports are erased by tsx. */
function runtimeImports(file: string): RuntimeImport[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const found: RuntimeImport[] = [];
  const add = (specifier: string, dynamic: boolean) => {
    const packageName = packageOf(specifier);
    if (packageName) found.push({ file: relative(ROOT, file), packageName, dynamic });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const named = clause?.namedBindings;
      const onlyTypes =
        clause?.isTypeOnly ||
        (clause && !clause.name && named && ts.isNamedImports(named) && named.elements.every((e) => e.isTypeOnly));
      if (!onlyTypes) add(node.moduleSpecifier.text, false);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!node.isTypeOnly) add(node.moduleSpecifier.text, false);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      add(node.arguments[0].text, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('a production install has what the server loads', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
    dependencies: Record<string, string>;
    devDependencies: Record<string, string>;
  };
  const imports = ['server', 'shared'].flatMap((dir) => sourceFiles(join(ROOT, dir))).flatMap(runtimeImports);
  // Vite builds the pages in development only, loaded lazily where it is (server/platform/vite-build.ts).
  const devOnly = imports.filter((i) => i.packageName === 'vite');
  const runtime = imports.filter((i) => i.packageName !== 'vite');

  it('finds the imports it checks (the scan works)', () => {
    expect(runtime.map((i) => i.packageName)).toEqual(expect.arrayContaining(['express', 'better-sqlite3', 'zod']));
  });

  it('every package server/ and shared/ import at run time is in dependencies', () => {
    const missing = runtime
      .filter((i) => !(i.packageName in manifest.dependencies))
      .map((i) => `${i.packageName} (${i.file})`);
    expect([...new Set(missing)]).toEqual([]);
  });

  it('Vite is only ever imported lazily, by vite-build.ts', () => {
    expect(devOnly.map(({ file, dynamic }) => ({ file, dynamic }))).toEqual([
      { file: 'server/platform/vite-build.ts', dynamic: true },
    ]);
  });

  it('the operator commands run through tsx, which is a dependency', () => {
    for (const script of ['start', 'import', 'backup', 'restore', 'users', 'venue-cert']) {
      expect([script, manifest.scripts[script]?.split(' ')[0]]).toEqual([script, 'tsx']);
    }
    expect(manifest.dependencies).toHaveProperty('tsx');
    expect(manifest.devDependencies).not.toHaveProperty('tsx');
  });
});
