namespace AdaptiveMooc.Api.Tests.Content;

/// <summary>Files whose first bytes are those of each type (and of executables), padded with varied bytes.</summary>
internal static class MediaTestFiles
{
    public static byte[] Mp4(int size = 4096) => Pad([0, 0, 0, 0x20, .. "ftypisom"u8.ToArray(), 0, 0, 2, 0], size);

    public static byte[] WebM(int size = 4096) => Pad([0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84, .. "webm"u8.ToArray()], size);

    public static byte[] Mp3(int size = 4096) => Pad([.. "ID3"u8.ToArray(), 4, 0, 0], size);

    public static byte[] Ogg(int size = 4096) => Pad([.. "OggS"u8.ToArray(), 0, 2], size);

    public static byte[] Wav(int size = 4096) => Pad([.. "RIFF"u8.ToArray(), 0x24, 0, 0, 0, .. "WAVEfmt "u8.ToArray()], size);

    public static byte[] Pdf(int size = 4096) => Pad([.. "%PDF-1.7\n"u8.ToArray()], size);

    public static byte[] Png(int size = 4096) => Pad([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], size);

    public static byte[] Jpeg(int size = 4096) => Pad([0xFF, 0xD8, 0xFF, 0xE0], size);

    public static byte[] Gif(int size = 4096) => Pad([.. "GIF89a"u8.ToArray()], size);

    public static byte[] WebP(int size = 4096) => Pad([.. "RIFF"u8.ToArray(), 0x24, 0, 0, 0, .. "WEBPVP8 "u8.ToArray()], size);

    public static byte[] Elf(int size = 4096) => Pad([0x7F, 0x45, 0x4C, 0x46, 2, 1, 1], size);

    public static byte[] Pe(int size = 4096) => Pad([.. "MZ"u8.ToArray(), 0x90, 0], size);

    public static byte[] Script(int size = 4096) => Pad([.. "#!/bin/sh\nrm -rf /\n"u8.ToArray()], size);

    public static byte[] Html(int size = 4096) => Pad([.. "<html><script>alert(1)</script>"u8.ToArray()], size);

    private static byte[] Pad(byte[] head, int size)
    {
        var bytes = new byte[size];
        head.CopyTo(bytes, 0);
        var random = new Random(size ^ head.Length ^ head[^1]);
        random.NextBytes(bytes.AsSpan(head.Length));
        return bytes;
    }
}
