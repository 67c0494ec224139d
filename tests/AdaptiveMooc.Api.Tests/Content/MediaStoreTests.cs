using System.Security.Cryptography;
using AdaptiveMooc.Api.Media;
using Microsoft.Extensions.Options;

namespace AdaptiveMooc.Api.Tests.Content;

public sealed class MediaStoreTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("mooc-media-").FullName;

    public static TheoryData<string, byte[], string> Accepted => new()
    {
        { "clip.mp4", MediaTestFiles.Mp4(), "video/mp4" },
        { "clip.webm", MediaTestFiles.WebM(), "video/webm" },
        { "talk.mp3", MediaTestFiles.Mp3(), "audio/mpeg" },
        { "talk.ogg", MediaTestFiles.Ogg(), "audio/ogg" },
        { "talk.wav", MediaTestFiles.Wav(), "audio/wav" },
        { "notes.pdf", MediaTestFiles.Pdf(), "application/pdf" },
        { "figure.png", MediaTestFiles.Png(), "image/png" },
        { "photo.jpg", MediaTestFiles.Jpeg(), "image/jpeg" },
        { "anim.gif", MediaTestFiles.Gif(), "image/gif" },
        { "photo.webp", MediaTestFiles.WebP(), "image/webp" },
    };

    public static TheoryData<string, byte[]> Refused => new()
    {
        { "lecture.mp4", MediaTestFiles.Elf() },
        { "notes.pdf", MediaTestFiles.Pe() },
        { "talk.mp3", MediaTestFiles.Script() },
        { "figure.png", MediaTestFiles.Html() },
        { "tiny.mp4", [0x00, 0x01] },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public async Task Types_are_read_from_the_bytes_and_files_are_stored_under_their_sha256(string name, byte[] bytes, string type)
    {
        _ = name;
        var store = Store();

        var stored = await store.SaveAsync(new MemoryStream(bytes), 1 << 20, CancellationToken.None);

        Assert.Equal(type, stored.ContentType);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), stored.Id);
        Assert.True(stored.Created);
        await using var read = store.OpenRead(stored.Id)!;
        var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        Assert.Equal(bytes, copy.ToArray());
        Assert.False((await store.SaveAsync(new MemoryStream(bytes), 1 << 20, CancellationToken.None)).Created);
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_renamed_executable_or_unknown_type_is_refused_and_nothing_is_kept(string name, byte[] bytes)
    {
        _ = name;
        var store = Store();

        var refused = await Assert.ThrowsAsync<MediaRejectedException>(() => store.SaveAsync(new MemoryStream(bytes), 1 << 20, CancellationToken.None));

        Assert.False(refused.TooLarge);
        Assert.Null(store.OpenRead(Convert.ToHexStringLower(SHA256.HashData(bytes))));
        Assert.Empty(Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused_while_it_streams_and_leaves_nothing()
    {
        var store = Store();
        var bytes = MediaTestFiles.Mp4(10_000);

        var refused = await Assert.ThrowsAsync<MediaRejectedException>(() => store.SaveAsync(new MemoryStream(bytes), 9_999, CancellationToken.None));

        Assert.True(refused.TooLarge);
        Assert.Empty(Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories));
        Assert.NotNull(await store.SaveAsync(new MemoryStream(bytes), 10_000, CancellationToken.None));
    }

    [Fact]
    public async Task A_crash_mid_upload_leaves_no_file_under_an_id_and_the_next_start_clears_the_temporary_file()
    {
        var store = Store();
        var bytes = MediaTestFiles.Mp4(200_000);
        using var cancel = new CancellationTokenSource();
        var broken = new BreakingStream(bytes, breakAfter: 100_000);

        await Assert.ThrowsAsync<IOException>(() => store.SaveAsync(broken, 1 << 20, cancel.Token));

        Assert.Null(store.OpenRead(Convert.ToHexStringLower(SHA256.HashData(bytes))));
        Assert.Empty(Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories));

        // A leftover from a killed process (no catch ran) is swept at the next start.
        File.WriteAllBytes(Path.Combine(root, "tmp", "leftover"), bytes[..1000]);
        _ = Store();
        Assert.Empty(Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories));
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    private LocalDiskMediaStore Store() => new(Options.Create(new MediaOptions { Root = root }));

    /// <summary>Throws part-way through, as a dropped connection does.</summary>
    private sealed class BreakingStream(byte[] bytes, int breakAfter) : MemoryStream(bytes)
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (Position >= breakAfter)
            {
                throw new IOException("The connection dropped.");
            }

            return await base.ReadAsync(buffer[..Math.Min(buffer.Length, breakAfter - (int)Position)], cancellationToken);
        }
    }
}
