import type { FileInfo } from '../../../../shared/mattermost/model';

/** The web app's fileSizeToString (webapp/channels/src/utils/utils.tsx): whole units, rounded down. */
export function fileSizeToString(bytes: number): string {
  const units: [number, string][] = [
    [1024 ** 4, 'TB'],
    [1024 ** 3, 'GB'],
    [1024 ** 2, 'MB'],
    [1024, 'KB'],
  ];
  for (const [size, unit] of units) if (bytes > size) return `${Math.floor(bytes / size)}${unit}`;
  return `${bytes}B`;
}

/** Extensions per icon, as the web app's getFileType groups them (webapp/channels/src/utils/constants.tsx: *_TYPES). */
const ICON_TYPES: [string, string[]][] = [
  ['image', ['jpg', 'gif', 'bmp', 'png', 'jpeg', 'tiff', 'tif', 'psd', 'webp', 'heic', 'heif']],
  ['audio', ['mp3', 'wav', 'wma', 'm4a', 'flac', 'aac', 'ogg', 'm4r']],
  ['video', ['mp4', 'avi', 'webm', 'mkv', 'wmv', 'mpg', 'mov', 'flv']],
  ['spreadsheet', ['ppt', 'pptx', 'csv', 'xls', 'xlsx', 'ods']],
  [
    'code',
    ['js', 'ts', 'tsx', 'jsx', 'py', 'go', 'rb', 'java', 'c', 'cpp', 'h', 'cs', 'css', 'html', 'json', 'yaml', 'yml', 'xml', 'sh', 'sql'],
  ],
  ['word', ['doc', 'docx', 'odt', 'rtf']],
  ['presentation', ['key', 'odp']],
  ['pdf', ['pdf']],
  ['patch', ['patch', 'diff']],
  ['text', ['txt', 'md', 'log', 'rtf']],
  ['zip', ['zip', 'tar', 'gz', 'tgz', '7z', 'rar', 'bz2', 'xz']],
];

export function fileIconType(extension: string): string {
  const ext = extension.toLowerCase();
  return ICON_TYPES.find(([, list]) => list.includes(ext))?.[0] ?? 'other';
}

/** The compass icon the web app draws for a file type (utils/utils.tsx: getCompassIconClassName, large). */
const COMPASS_FILE_ICONS: Record<string, string> = {
  image: 'image',
  audio: 'audio',
  video: 'video',
  spreadsheet: 'excel',
  code: 'code',
  word: 'word',
  presentation: 'powerpoint',
  pdf: 'pdf',
  patch: 'patch',
  text: 'text',
  zip: 'zip',
  other: 'generic',
};

export const compassFileIcon = (extension: string): string =>
  `icon-file-${COMPASS_FILE_ICONS[fileIconType(extension)] ?? 'generic'}-outline-large`;

/** Drawn as a picture in the post: a raster image Mockmost made renditions for (an SVG is not drawn, as with EnableSVGs off). */
export const isPreviewableImage = (file: FileInfo) =>
  file.mime_type.startsWith('image/') && file.mime_type !== 'image/svg+xml' && (file.width ?? 0) > 0;

/** The post's files from its metadata, only well-formed ones (the UI draws what the server sent, which may be anything). */
export function postFiles(metadata: unknown): FileInfo[] {
  const files = (metadata as { files?: unknown } | undefined)?.files;
  if (!Array.isArray(files)) return [];
  return files.filter(
    (f): f is FileInfo =>
      typeof f === 'object' &&
      f !== null &&
      typeof (f as FileInfo).id === 'string' &&
      /^[a-z0-9]{26}$/.test((f as FileInfo).id) &&
      typeof (f as FileInfo).name === 'string' &&
      typeof (f as FileInfo).extension === 'string' &&
      typeof (f as FileInfo).size === 'number' &&
      typeof (f as FileInfo).mime_type === 'string',
  );
}
