import { readFileSync } from 'node:fs';
import { type CollectedSettings, describeSetting, type RawSettings } from './config-flags';
import { readConfigFile } from './config-file';

/** The merged raw settings, and for each key the words that name where its value came from. */
export interface LayeredSettings {
  raw: RawSettings;
  problems: string[];
  /** Names a setting in a problem message: the file and key when the file set it, else its flag and variable. */
  describe: (key: string) => string;
}

interface Layer {
  settings: RawSettings;
  name: (key: string) => string;
}

/**
 * Precedence flags > environment > config file > defaults (the defaults live in the schema). A token file counts at
 * the layer that named it: `--token-file` is as strong as `--token`, a `tokenFile` in the YAML file as `token` there.
 */
export function layerSettings(collected: CollectedSettings, schemaKeys: readonly string[]): LayeredSettings {
  const problems = [...collected.problems];
  const configFile = collected.fromFlags.configFile ?? collected.fromEnv.configFile;
  const layers: Layer[] = [];
  if (configFile !== undefined) {
    const file = readConfigFile(configFile, new Set([...schemaKeys, 'tokenFile']));
    problems.push(...file.problems);
    layers.push({ settings: file.settings, name: (key) => `${configFile}: ${key}` });
  }
  layers.push({ settings: collected.fromEnv, name: describeSetting });
  layers.push({ settings: collected.fromFlags, name: describeSetting });

  const raw: RawSettings = {};
  const origin = new Map<string, string>();
  layers.forEach((layer, index) => {
    const { tokenFile, configFile: _ignored, ...settings } = layer.settings;
    // A token set by a stronger layer wins without its weaker token file ever being read.
    const overridden = layers.slice(index + 1).some((above) => above.settings.token !== undefined || above.settings.tokenFile !== undefined);
    if (tokenFile !== undefined && !overridden) {
      if (settings.token !== undefined) problems.push(`${layer.name('tokenFile')}: set either the token or a token file, not both`);
      else {
        const token = readTokenFile(tokenFile);
        if (token.ok) settings.token = token.value;
        else problems.push(`${layer.name('tokenFile')}: ${token.problem}`);
      }
    }
    for (const [key, value] of Object.entries(settings)) {
      raw[key] = value;
      origin.set(key, key === 'token' && tokenFile !== undefined ? `${layer.name('tokenFile')} (${tokenFile})` : layer.name(key));
    }
  });
  const describe = (key: string) => origin.get(key) ?? (configFile === undefined ? describeSetting(key) : `${describeSetting(key)}, or ${key} in ${configFile}`);
  return { raw, problems, describe };
}

/** A mounted Secret's file often ends with a newline the token never has. The content is never echoed. */
function readTokenFile(file: string): { ok: true; value: string } | { ok: false; problem: string } {
  try {
    const value = readFileSync(file, 'utf8').trim();
    return value === '' ? { ok: false, problem: `${file} is empty` } : { ok: true, value };
  } catch (error) {
    return { ok: false, problem: `cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
}
