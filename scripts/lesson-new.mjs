/**
 * `npm run lesson:new -- <slug> [--unit N] [--asyncio]`: scaffolds
 * lessons/<slug>/ from scripts/lessons/template, or template-asyncio for a
 * lesson of asyncio tasks (each a small lesson that passes lessons:check),
 * and lists it last in unit N of lessons/course.yaml (the last unit by
 * default).
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseDocument } from "yaml";

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function newLesson(root, slug, unitNumber, { asyncio = false } = {}) {
  if (!SLUG.test(slug ?? "")) throw new Error(`"${slug ?? ""}" is not a lesson folder name: use lowercase words joined by "-", such as 12-event-loop.`);
  const lessonsDir = join(root, "lessons");
  const folder = join(lessonsDir, slug);
  if (existsSync(folder)) throw new Error(`lessons/${slug} already exists.`);
  const manifestPath = join(lessonsDir, "course.yaml");
  const manifest = parseDocument(readFileSync(manifestPath, "utf8"));
  const units = manifest.get("units");
  const count = units?.items?.length ?? 0;
  const unit = unitNumber ?? count;
  if (!(Number.isInteger(unit) && unit >= 1 && unit <= count)) throw new Error(`--unit must be a unit number from 1 to ${count}; got ${unitNumber}.`);
  const list = units.items[unit - 1].get("lessons");
  list.flow = false;
  list.add(slug);

  const name = slug.replace(/^\d+-/, "");
  const words = name.split("-").join(" ");
  const fill = (text) => text.replaceAll("{{id}}", name).replaceAll("{{title}}", words[0].toUpperCase() + words.slice(1));
  const templates = fileURLToPath(new URL(asyncio ? "./lessons/template-asyncio/" : "./lessons/template/", import.meta.url));
  mkdirSync(folder);
  for (const template of readdirSync(templates)) {
    writeFileSync(join(folder, template.replace(/\.tmpl$/, "")), fill(readFileSync(join(templates, template), "utf8")));
  }
  writeFileSync(manifestPath, String(manifest));
  return { folder, unit };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const unitAt = args.indexOf("--unit");
  const unit = unitAt >= 0 ? Number(args[unitAt + 1]) : undefined;
  const slug = args.find((arg, i) => !arg.startsWith("--") && !(unitAt >= 0 && i === unitAt + 1));
  try {
    const made = newLesson(fileURLToPath(new URL("..", import.meta.url)), slug, unit, { asyncio: args.includes("--asyncio") });
    console.log(`Created lessons/${slug}/ (lesson.md, scenario.ts, solution.ts, reference.py), listed in unit ${made.unit} of lessons/course.yaml.`);
    console.log(`Next: npm run dev, open #/lessons/${slug}, and npm run lessons:check -- ${slug}. The format is in lessons/AUTHORING.md.`);
  } catch (error) {
    console.error(`lesson:new: ${error.message}`);
    process.exitCode = 1;
  }
}
