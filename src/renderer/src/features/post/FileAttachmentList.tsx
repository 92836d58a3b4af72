import './files.css';
import type { FileInfo } from '../../../../shared/mattermost/model';
import { useAuthorizedImage } from './use-authorized-image';
import { compassFileIcon, fileIconType, fileSizeToString, isPreviewableImage } from './file-display';

/** Images smaller than this in both directions get the "small" thumbnail class (the web app's Constants.THUMBNAIL_WIDTH/HEIGHT). */
const SMALL_IMAGE = { width: 48, height: 48 };
/** The web app's single image is drawn at most this high. */
const SINGLE_IMAGE_MAX_HEIGHT = 350;

const useFileUrl = (viewerId: string | undefined, fileId: string, rendition: 'thumbnail' | 'preview') =>
  useAuthorizedImage(viewerId, `/api/v4/files/${encodeURIComponent(fileId)}/${rendition}`);

/** A lone image, drawn large as the web app's SingleImageView does, within its width and height caps. */
function SingleImage({ file, viewerId }: { file: FileInfo; viewerId: string | undefined }) {
  const url = useFileUrl(viewerId, file.id, 'preview');
  const width = file.width ?? 0;
  const height = file.height ?? 0;
  const scale = Math.min(1, SINGLE_IMAGE_MAX_HEIGHT / Math.max(1, height));
  return (
    <div className="file-view--single" data-testid="fileAttachmentList">
      <div className="file__image">
        <div className="image-header">
          <div className="image-name">
            <div id="image-name-text">{file.name}</div>
          </div>
        </div>
        <div className="image-container">
          <div className="image-loaded" style={{ width: Math.round(width * scale), height: Math.round(height * scale) }}>
            {url && <img className="file__image--single" src={url} alt={file.name} width={width} height={height} />}
          </div>
        </div>
      </div>
    </div>
  );
}

function FileThumbnail({ file, viewerId }: { file: FileInfo; viewerId: string | undefined }) {
  const image = isPreviewableImage(file);
  const url = useFileUrl(image ? viewerId : undefined, file.id, 'thumbnail');
  if (!image) {
    const kind = fileIconType(file.extension);
    return (
      <i
        data-testid={`fileAttachmentIcon-${kind}`}
        className={`file-icon ${kind} icon ${compassFileIcon(file.extension)}`}
        aria-hidden="true"
      />
    );
  }
  const small = (file.width ?? 0) < SMALL_IMAGE.width && (file.height ?? 0) < SMALL_IMAGE.height;
  return (
    <div className={small ? 'post-image small' : 'post-image normal'} style={url ? { backgroundImage: `url("${url}")` } : undefined} />
  );
}

/** A file card as the web app's FileAttachment draws it: thumbnail or type icon, then name, extension and size. */
function FileCard({ file, viewerId }: { file: FileInfo; viewerId: string | undefined }) {
  return (
    <div className="post-image__column">
      <span className="post-image__thumbnail" aria-label={`file thumbnail ${file.name}`.toLowerCase()}>
        <FileThumbnail file={file} viewerId={viewerId} />
      </span>
      <div className="post-image__details">
        <div className="post-image__detail_wrapper">
          <div className="post-image__detail">
            <span className="post-image__name">{file.name}</span>
            <span className="post-image__type">{file.extension.toUpperCase()}</span>
            <span className="post-image__size">{fileSizeToString(file.size)}</span>
          </div>
        </div>
      </div>
    </div>
  );
}

/** A post's uploaded files, after its attachments and before its reactions (webapp/channels/src/components/file_attachment_list). */
export function FileAttachmentList({ files, viewerId }: { files: FileInfo[]; viewerId: string | undefined }) {
  if (files.length === 0) return null;
  if (files.length === 1 && isPreviewableImage(files[0]!)) return <SingleImage file={files[0]!} viewerId={viewerId} />;
  return (
    <div className="post-image__columns clearfix" data-testid="fileAttachmentList">
      {files.map((file) => (
        <FileCard key={file.id} file={file} viewerId={viewerId} />
      ))}
    </div>
  );
}
