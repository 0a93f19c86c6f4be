import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { demoDirectory, readDemo } from './data';

const copies: string[] = [];
afterAll(() => {
	for (const directory of copies) fs.rmSync(directory, { recursive: true, force: true });
});

/** A copy of the demo folder with one file changed. */
function withFile(name: string, change: (file: Record<string, unknown>) => void): string {
	const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'ustat-demo-data-'));
	copies.push(directory);
	fs.cpSync(demoDirectory(), directory, { recursive: true });
	const file = path.join(directory, name);
	const json = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
	change(json);
	fs.writeFileSync(file, JSON.stringify(json));
	return directory;
}

/** A copy of the demo folder with one group file changed. */
const withGroup = (slug: string, change: (file: Record<string, unknown>) => void) =>
	withFile(path.join('groups', `${slug}.json`), change);

type Story = Record<string, Record<string, unknown>[]>;

describe('demo data', () => {
	const demo = readDemo();
	const names = new Set(
		[demo.school, ...demo.schools.map((s) => s.file)].flatMap((s) => s.people.map((p) => p.name))
	);

	it('reads the schools and every group of them', () => {
		expect(demo.groups.map((g) => g.slug)).toEqual([
			...demo.school.groups,
			...demo.schools.flatMap((s) => s.file.groups)
		]);
		expect(demo.school.people.length).toBeGreaterThan(10);
		expect(demo.schools.length).toBeGreaterThan(0);
		for (const { file } of demo.groups)
			expect(Object.values(file.story).flat().length).toBeGreaterThan(0);
	});

	it('names only people of the schools, and only materials of the same file', () => {
		for (const { slug, file } of demo.groups) {
			const materials = new Set(Object.keys(file.materials));
			for (const [chapter, steps] of Object.entries(file.story))
				for (const [i, step] of steps.entries()) {
					const where = `${slug} ${chapter}[${i}]`;
					const people = [step.as];
					if ('person' in step) people.push(step.person);
					if ('leader' in step) people.push(step.leader);
					if ('responsible' in step) people.push(step.responsible);
					if ('editors' in step) people.push(...step.editors);
					if ('attendance' in step) people.push(...Object.keys(step.attendance));
					if ('details' in step) people.push(step.details.chair, step.details.secretary);
					for (const name of people) expect(names.has(name), `${where}: ${name}`).toBe(true);
					if ('material' in step) expect(materials.has(step.material), where).toBe(true);
					if ('target' in step && 'material' in step.target)
						expect(materials.has(step.target.material), where).toBe(true);
				}
			for (const material of Object.values(file.materials))
				for (const name of material.coauthors ?? []) expect(names.has(name)).toBe(true);
		}
	});

	it('fails on a misspelled field, naming the file and the step', () => {
		const directory = withGroup('stem', (file) => {
			const story = file.story as Story;
			story.materials![0]!.materail = story.materials![0]!.material;
			delete story.materials![0]!.material;
		});
		expect(() => readDemo(directory)).toThrow(/groups\/stem\.json[\s\S]*story\.materials\[0\]/);
	});

	it('fails on a chapter school.json does not tell', () => {
		const directory = withGroup('motivation', (file) => {
			(file.story as Story).epilogue = [];
		});
		expect(() => readDemo(directory)).toThrow(/no chapter "epilogue"/);
	});

	it('fails on a person in two schools (steps name people by name)', () => {
		const [slug] = demo.school.schools ?? [];
		const directory = withFile(path.join('schools', `${slug}.json`), (file) => {
			(file.people as { name: string }[])[1]!.name = demo.school.people[2]!.name;
		});
		expect(() => readDemo(directory)).toThrow(/is in two schools/);
	});
});
