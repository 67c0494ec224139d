namespace AdaptiveMooc.Api.Media;

/// <summary><c>Mooc:Media</c>: where uploaded files live and how large they and a course's files may be (docs/CONTENT.md).</summary>
public sealed class MediaOptions
{
    public const string Section = "Mooc:Media";

    /// <summary>Folder of the local-disk store (content-addressed files under it).</summary>
    public string Root { get; set; } = ".data/media";

    /// <summary>Largest file, in bytes (default 512 MiB).</summary>
    public long MaxFileBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>Bytes all files of one course may take (default 4 GiB).</summary>
    public long MaxCourseBytes { get; set; } = 4L * 1024 * 1024 * 1024;

    /// <summary>Files one course may hold.</summary>
    public int MaxCourseFiles { get; set; } = 1000;

    /// <summary>How long a signed link works, in seconds (default 15 minutes; 30 s to 24 h).</summary>
    public int LinkLifetimeSeconds { get; set; } = 900;

    /// <summary>
    /// How long the signed base path of a cmi5 package's files works, in seconds (default 4 hours; 5 min to 24 h):
    /// the AU loads pages and assets under it for as long as the learner keeps it open (docs/XAPI.md, "cmi5").
    /// </summary>
    public int Cmi5ContentLifetimeSeconds { get; set; } = 14_400;

    /// <summary>The HMAC key of signed links (created on first start, owner-only, like every secret).</summary>
    public string LinkKeyPath { get; set; } = ".data/secrets/media-links.key";
}
