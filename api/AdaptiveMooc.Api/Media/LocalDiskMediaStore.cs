using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace AdaptiveMooc.Api.Media;

/// <summary>
/// Files under <see cref="MediaOptions.Root"/> at <c>ab/abcdef…</c> (the SHA-256's first two hex digits, then all
/// of it). An upload is written to a temporary file in <c>tmp/</c> on the same file system, hashed and
/// type-checked while it streams, flushed to disk, then renamed into place: a crash leaves at most a temporary
/// file (removed at the next start), never half a file under an id.
/// </summary>
public sealed class LocalDiskMediaStore : IMediaStore
{
    private const int BufferSize = 81920;
    private readonly string root;
    private readonly string temporary;

    public LocalDiskMediaStore(IOptions<MediaOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        root = Path.GetFullPath(options.Value.Root);
        temporary = Path.Combine(root, "tmp");
        Directory.CreateDirectory(temporary);
        foreach (var leftover in Directory.EnumerateFiles(temporary))
        {
            File.Delete(leftover);
        }
    }

    public async Task<StoredMedia> SaveAsync(Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var tempPath = Path.Combine(temporary, Guid.NewGuid().ToString("N"));
        try
        {
            string? contentType = null;
            long size = 0;
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using (var file = new FileStream(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous))
            {
                var buffer = new byte[BufferSize];
                var head = new byte[MediaTypes.HeadLength];
                var headLength = 0;
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    size += read;
                    if (size > maxBytes)
                    {
                        throw new MediaRejectedException($"The file is larger than the {maxBytes} bytes a file may have.", tooLarge: true);
                    }

                    if (headLength < head.Length)
                    {
                        var take = Math.Min(read, head.Length - headLength);
                        buffer.AsSpan(0, take).CopyTo(head.AsSpan(headLength));
                        headLength += take;
                    }

                    // The type is judged as soon as the head is complete, so a refused file is not read to its end.
                    if (contentType is null && headLength == head.Length)
                    {
                        contentType = MediaTypes.Detect(head) ?? throw new MediaRejectedException(MediaTypes.Refusal(head));
                    }

                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }

                if (size == 0)
                {
                    throw new MediaRejectedException("The file is empty.");
                }

                contentType ??= MediaTypes.Detect(head.AsSpan(0, headLength)) ?? throw new MediaRejectedException(MediaTypes.Refusal(head.AsSpan(0, headLength)));
                await file.FlushAsync(cancellationToken);
                file.Flush(flushToDisk: true);
            }

            var id = Convert.ToHexStringLower(hash.GetHashAndReset());
            var target = PathOf(id);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (File.Exists(target))
            {
                File.Delete(tempPath);
                return new StoredMedia(id, contentType, size, Created: false);
            }

            File.Move(tempPath, target, overwrite: true);
            return new StoredMedia(id, contentType, size, Created: true);
        }
        catch
        {
            File.Delete(tempPath);
            throw;
        }
    }

    public Stream? OpenRead(string mediaId)
    {
        if (!Grains.Abstractions.Courses.MediaIds.IsValid(mediaId))
        {
            return null;
        }

        var path = PathOf(mediaId);
        return File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan)
            : null;
    }

    public void Delete(string mediaId)
    {
        if (Grains.Abstractions.Courses.MediaIds.IsValid(mediaId))
        {
            File.Delete(PathOf(mediaId));
        }
    }

    private string PathOf(string id) => Path.Combine(root, id[..2], id);
}
