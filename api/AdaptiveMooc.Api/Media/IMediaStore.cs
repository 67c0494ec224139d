namespace AdaptiveMooc.Api.Media;

/// <summary>
/// Where uploaded files' bytes live, content-addressed: a file's id is the SHA-256 of its bytes (hex). The
/// local-disk store is the default (<see cref="LocalDiskMediaStore"/>); another store (object storage) only
/// has to keep the same promise: a file is either wholly there under its id or not at all.
/// </summary>
public interface IMediaStore
{
    /// <summary>
    /// Reads <paramref name="content"/> to its end and stores it. Throws <see cref="MediaRejectedException"/>
    /// (nothing kept) when it is longer than <paramref name="maxBytes"/>, empty, or not of an accepted type.
    /// </summary>
    Task<StoredMedia> SaveAsync(Stream content, long maxBytes, CancellationToken cancellationToken);

    /// <summary>A seekable read-only stream of the file, or null when the store does not hold it.</summary>
    Stream? OpenRead(string mediaId);

    /// <summary>Removes a file (when its only upload was refused by the course's limits).</summary>
    void Delete(string mediaId);
}
