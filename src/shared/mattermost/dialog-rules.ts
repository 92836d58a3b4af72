import { utf8ByteLength } from './utf8';

// Mattermost's rules for an interactive dialog (server/public/model/integration_action.go: Dialog.IsValid). Mattermost only logs a
// broken dialog and opens it anyway, so these are findings, never refusals.

type Json = Record<string, unknown>;

const TEXT_SUBTYPES = ['', 'text', 'email', 'number', 'tel', 'url', 'password'];
const RELATIVE_DATE = /^(today|tomorrow|yesterday|[+-]?\d+[dwm])$/;

const bytes = (value: unknown) => (typeof value === 'string' ? utf8ByteLength(value) : 0);
const str = (value: unknown) => (typeof value === 'string' ? value : '');

function lengthProblem(what: string, value: unknown, min: number, max: number): string | undefined {
  const n = bytes(value);
  if (n < min || n > max) return `${what} must be ${min === 0 ? 'at most' : `${min} to`} ${max} bytes (it is ${n})`;
  return undefined;
}

function optionValues(element: Json): string[] {
  return Array.isArray(element.options) ? element.options.map((o: unknown) => str((o as Json | null)?.value)).filter((v) => v !== '') : [];
}

function isDate(value: string, withTime: boolean): boolean {
  if (RELATIVE_DATE.test(value)) return true;
  const pattern = withTime ? /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})?)?$/ : /^\d{4}-\d{2}-\d{2}$/;
  return pattern.test(value) && !Number.isNaN(Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value));
}

function elementProblems(element: Json, at: string): string[] {
  const problems: (string | undefined)[] = [
    lengthProblem(`${at}.display_name`, element.display_name, 1, 24),
    lengthProblem(`${at}.name`, element.name, 1, 300),
    lengthProblem(`${at}.help_text`, element.help_text, 0, 150),
  ];
  const type = str(element.type);
  const min = typeof element.min_length === 'number' ? element.min_length : 0;
  const max = typeof element.max_length === 'number' ? element.max_length : 0;
  if (max > 0 && min > max) problems.push(`${at}.min_length (${min}) is above max_length (${max})`);
  if (element.multiselect === true && type !== 'select') problems.push(`${at}.multiselect is only for select elements`);
  const defaultValue = str(element.default);
  switch (type) {
    case 'text':
      problems.push(
        lengthProblem(`${at}.default`, element.default, 0, 150),
        lengthProblem(`${at}.placeholder`, element.placeholder, 0, 150),
      );
      if (!TEXT_SUBTYPES.includes(str(element.subtype)))
        problems.push(`${at}.subtype "${str(element.subtype)}" is not one of ${TEXT_SUBTYPES.slice(1).join(', ')}`);
      break;
    case 'textarea':
      problems.push(
        lengthProblem(`${at}.default`, element.default, 0, 3000),
        lengthProblem(`${at}.placeholder`, element.placeholder, 0, 3000),
      );
      break;
    case 'select': {
      problems.push(
        lengthProblem(`${at}.default`, element.default, 0, 3000),
        lengthProblem(`${at}.placeholder`, element.placeholder, 0, 3000),
      );
      const source = str(element.data_source);
      if (!['', 'users', 'channels', 'dynamic'].includes(source))
        problems.push(`${at}.data_source "${source}" is not users, channels or dynamic`);
      if (source === 'dynamic' && str(element.data_source_url) === '') problems.push(`${at}: a dynamic select needs data_source_url`);
      if (source === '' && defaultValue !== '') {
        const values = optionValues(element);
        const defaults = element.multiselect === true ? defaultValue.split(',').map((v) => v.trim()) : [defaultValue];
        for (const value of defaults) if (!values.includes(value)) problems.push(`${at}.default "${value}" is not among the option values`);
      }
      break;
    }
    case 'bool':
      if (!['', 'true', 'false'].includes(defaultValue)) problems.push(`${at}.default must be "", "true" or "false"`);
      break;
    case 'radio':
      if (defaultValue !== '' && !optionValues(element).includes(defaultValue))
        problems.push(`${at}.default "${defaultValue}" is not among the option values`);
      break;
    case 'date':
    case 'datetime':
      for (const key of ['default', 'min_date', 'max_date']) {
        const value = str(element[key]);
        if (value !== '' && !isDate(value, type === 'datetime'))
          problems.push(`${at}.${key} "${value}" is neither an ISO date nor today/tomorrow/yesterday/±N[dwm]`);
      }
      if (
        type === 'datetime' &&
        typeof element.time_interval === 'number' &&
        element.time_interval > 0 &&
        1440 % element.time_interval !== 0
      )
        problems.push(`${at}.time_interval ${element.time_interval} does not divide a day (1440 minutes)`);
      break;
    default:
      problems.push(`${at}.type "${type}" is not text, textarea, select, bool, radio, date or datetime`);
  }
  return problems.filter((p): p is string => p !== undefined);
}

/** Every rule the dialog breaks, in plain words; empty when Mattermost would accept it. */
export function dialogProblems(dialog: unknown): string[] {
  if (typeof dialog !== 'object' || dialog === null || Array.isArray(dialog)) return ['the dialog is missing'];
  const d = dialog as Json;
  const problems: string[] = [];
  const title = lengthProblem('title', d.title, 1, 24);
  if (title) problems.push(title);
  if (d.icon_url !== undefined && str(d.icon_url) !== '' && !/^https?:\/\//i.test(str(d.icon_url)))
    problems.push('icon_url must be an http(s) URL');
  const elements = Array.isArray(d.elements) ? d.elements : [];
  const names = new Set<string>();
  elements.forEach((element: unknown, i) => {
    if (typeof element !== 'object' || element === null) {
      problems.push(`elements[${i}] is not an object`);
      return;
    }
    const name = str((element as Json).name);
    if (names.has(name)) problems.push(`elements[${i}].name "${name}" is used twice`);
    names.add(name);
    problems.push(...elementProblems(element as Json, `elements[${i}]`));
  });
  return problems;
}
