import type { Sharp } from 'sharp';

/** sharp (libvips) is loaded on the first upload of an image, not at start-up. */
const loadSharp = async () => (await import('sharp')).default;

/** Mattermost's sizes (server/channels/app/file.go: imageThumbnailWidth/Height, imagePreviewWidth, miniPreviewImage*, jpegEncQuality). */
const THUMBNAIL_WIDTH = 120;
const THUMBNAIL_HEIGHT = 100;
const PREVIEW_WIDTH = 1920;
const MINI_PREVIEW_SIZE = 16;
const JPEG_QUALITY = 90;
/** EXIF orientations that turn the picture a quarter (server/channels/app/imaging: RotatedCW… constants). */
const QUARTER_TURNS = new Set([5, 6, 7, 8]);

export interface ImageShape {
  width: number;
  height: number;
  format: string;
}

/** The picture's size as shown (after its EXIF orientation) and format, or undefined when it cannot be decoded. */
export async function imageShape(data: Buffer): Promise<ImageShape | undefined> {
  try {
    const sharp = await loadSharp();
    const meta = await sharp(data).metadata();
    if (!meta.width || !meta.height) return undefined;
    const turned = QUARTER_TURNS.has(meta.orientation ?? 1);
    return { width: turned ? meta.height : meta.width, height: turned ? meta.width : meta.height, format: meta.format };
  } catch {
    return undefined;
  }
}

export interface ImageRenditions {
  thumbnail: Buffer;
  preview: Buffer;
  miniPreview: Buffer;
}

/**
 * Thumbnail, preview and mini preview as Mattermost's postprocessImage makes them: upright, the
 * thumbnail 120 wide (or 100 high when taller than wide), the preview at most 1920 wide, a 16×16
 * JPEG for the mini preview; PNG stays PNG, anything else becomes JPEG. Undefined when the
 * picture cannot be decoded (Mattermost logs it and keeps the file).
 */
export async function renderImage(data: Buffer, shape: ImageShape): Promise<ImageRenditions | undefined> {
  const sharp = await loadSharp();
  const encode = (image: Sharp) => (shape.format === 'png' ? image.png() : image.jpeg({ quality: JPEG_QUALITY })).toBuffer();
  const upright = () => sharp(data).rotate();
  try {
    const [thumbnail, preview, miniPreview] = await Promise.all([
      encode(upright().resize(shape.width > shape.height ? { width: THUMBNAIL_WIDTH } : { height: THUMBNAIL_HEIGHT })),
      encode(shape.width > PREVIEW_WIDTH ? upright().resize({ width: PREVIEW_WIDTH }) : upright()),
      upright().resize(MINI_PREVIEW_SIZE, MINI_PREVIEW_SIZE, { fit: 'fill' }).jpeg({ quality: JPEG_QUALITY }).toBuffer(),
    ]);
    return { thumbnail, preview, miniPreview };
  } catch {
    return undefined;
  }
}
