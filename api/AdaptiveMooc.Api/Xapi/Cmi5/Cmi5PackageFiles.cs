using System.IO.Compression;

namespace AdaptiveMooc.Api.Xapi.Cmi5;

/// <summary>
/// The limits a cmi5 package's files must keep before any of them is served (docs/XAPI.md, "cmi5"): at most
/// <see cref="MaxEntries"/> entries and <see cref="MaxTotalBytes"/> uncompressed in all, every name a relative
/// path of plain segments (no absolute path, drive, backslash, <c>.</c> or <c>..</c>), no name twice. Files are
/// read from the zip in the media store when asked for, never extracted to disk.
/// </summary>
internal static class Cmi5PackageFiles
{
    public const int MaxEntries = 10_000;
    public const long MaxTotalBytes = 1L * 1024 * 1024 * 1024;
    public const int MaxPathLength = 1024;

    /// <summary>The names of the package's files (directories left out); throws <see cref="Cmi5PackageException"/> when the zip breaks a limit.</summary>
    public static IReadOnlySet<string> Check(ZipArchive archive)
    {
        ArgumentNullException.ThrowIfNull(archive);
        if (archive.Entries.Count > MaxEntries)
        {
            throw new Cmi5PackageException($"The package holds more than {MaxEntries} entries.");
        }

        var files = new HashSet<string>(StringComparer.Ordinal);
        long total = 0;
        foreach (var entry in archive.Entries)
        {
            var directory = entry.FullName.EndsWith('/');
            if (!IsSafePath(directory ? entry.FullName[..^1] : entry.FullName))
            {
                throw new Cmi5PackageException($"The package's entry '{Shown(entry.FullName)}' is not a plain relative path (absolute, '..', '.', '\\' or ':' are refused).");
            }

            total += entry.Length;
            if (entry.Length < 0 || total > MaxTotalBytes)
            {
                throw new Cmi5PackageException($"The package's files take more than {MaxTotalBytes} bytes uncompressed.");
            }

            if (!directory && !files.Add(entry.FullName))
            {
                throw new Cmi5PackageException($"The package holds '{Shown(entry.FullName)}' twice.");
            }
        }

        return files;
    }

    /// <summary>A relative path of plain segments: no empty, <c>.</c> or <c>..</c> segment, no backslash, colon or control character.</summary>
    public static bool IsSafePath(string? path)
    {
        if (string.IsNullOrEmpty(path) || path.Length > MaxPathLength || path[0] == '/')
        {
            return false;
        }

        foreach (var c in path)
        {
            if (c is '\\' or ':' || char.IsControl(c))
            {
                return false;
            }
        }

        return path.Split('/').All(segment => segment is not ("" or "." or ".."));
    }

    private static string Shown(string name) => name.Length > 200 ? name[..200] + "…" : name;
}
