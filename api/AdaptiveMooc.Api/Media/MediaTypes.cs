namespace AdaptiveMooc.Api.Media;

/// <summary>
/// The type of a file read from its first bytes (magic numbers), never from its name: only video (mp4, webm),
/// audio (mp3, ogg, wav), PDF, images (png, jpeg, gif, webp) and zip archives (cmi5 course packages) are accepted. Executables (ELF, PE, Mach-O),
/// scripts (<c>#!</c>) and everything else are refused, whatever they are called.
/// </summary>
public static class MediaTypes
{
    /// <summary>Bytes <see cref="Detect"/> looks at (fewer for a smaller file).</summary>
    public const int HeadLength = 64;

    public static string? Detect(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8))
        {
            return "video/mp4";
        }

        if (head.Length >= 4 && head[..4].SequenceEqual((ReadOnlySpan<byte>)[0x1A, 0x45, 0xDF, 0xA3]))
        {
            // EBML: WebM declares its DocType "webm" in the header (Matroska says "matroska": refused).
            return head.IndexOf("webm"u8) >= 0 ? "video/webm" : null;
        }

        if (head.Length >= 4 && head[..4].SequenceEqual("OggS"u8))
        {
            return "audio/ogg";
        }

        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8))
        {
            return head[8..12].SequenceEqual("WAVE"u8) ? "audio/wav"
                : head[8..12].SequenceEqual("WEBP"u8) ? "image/webp"
                : null;
        }

        if (head.Length >= 3 && head[..3].SequenceEqual("ID3"u8))
        {
            return "audio/mpeg";
        }

        // An MPEG audio frame header: 11 sync bits, then a valid version, layer III and bitrate index.
        if (head.Length >= 3 && head[0] == 0xFF && (head[1] & 0xE0) == 0xE0 && (head[1] & 0x06) == 0x02
            && (head[1] & 0x18) != 0x08 && (head[2] & 0xF0) != 0xF0 && (head[2] & 0x0C) != 0x0C)
        {
            return "audio/mpeg";
        }

        if (head.Length >= 5 && head[..5].SequenceEqual("%PDF-"u8))
        {
            return "application/pdf";
        }

        if (head.Length >= 8 && head[..8].SequenceEqual((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return "image/png";
        }

        if (head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF)
        {
            return "image/jpeg";
        }

        if (head.Length >= 6 && (head[..6].SequenceEqual("GIF87a"u8) || head[..6].SequenceEqual("GIF89a"u8)))
        {
            return "image/gif";
        }

        // A zip archive (local file header): cmi5 course packages (docs/XAPI.md, "cmi5"); served only as application/zip.
        if (head.Length >= 4 && head[..4].SequenceEqual("PK\u0003\u0004"u8))
        {
            return "application/zip";
        }

        return null;
    }

    /// <summary>Words for a refused file: names what it looks like when it is an executable or a script.</summary>
    public static string Refusal(ReadOnlySpan<byte> head)
    {
        var what = head.StartsWith((ReadOnlySpan<byte>)[0x7F, 0x45, 0x4C, 0x46]) ? "an ELF executable"
            : head.StartsWith("MZ"u8) ? "a Windows (PE) executable"
            : head.StartsWith("#!"u8) ? "a script"
            : head.StartsWith((ReadOnlySpan<byte>)[0xCF, 0xFA, 0xED, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xCE, 0xFA, 0xED, 0xFE]) ? "a Mach-O executable"
            : "of a type this platform does not serve";
        return $"The file is {what}, judged from its bytes; accepted are mp4, webm, mp3, ogg, wav, pdf, png, jpeg, gif and webp.";
    }
}
