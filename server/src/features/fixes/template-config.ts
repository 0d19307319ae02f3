// The `config` object a template sees (`config.get_main_option("databases")` in the multidb
// template): the project's ini section, interpolated as configparser would, with `here` set.
import { basenamePath, dirnamePath, type ProjectConfig, type TemplateConfig } from '../../engine/index';
import { interpolateIni, parseIni } from '../../engine/config/ini';

/** Reads the ini through `read` (the index's buffer-aware text); no ini gives a config with no options. */
export function templateConfig(config: ProjectConfig, read: (path: string) => string | null): TemplateConfig {
  const ini = config.iniFile;
  const text = ini ? read(ini) : null;
  if (!ini || text === null) return { mainOptions: {}, iniSection: config.section, configFileName: ini ? basenamePath(ini) : null };
  const doc = parseIni(text, ini);
  const here = { here: dirnamePath(ini) };
  const sections: Record<string, Record<string, string>> = {};
  for (const [name, section] of doc.sections) {
    const values: Record<string, string> = {};
    // configparser shows [DEFAULT]'s keys in every section.
    for (const key of new Set([...doc.defaults.keys(), ...section.entries.keys()])) {
      const v = interpolateIni(doc, name, key, here);
      if (v.ok) values[key] = v.value;
    }
    sections[name] = values;
  }
  return { mainOptions: sections[config.section] ?? {}, sections, iniSection: config.section, configFileName: basenamePath(ini) };
}
