using System.Security.Cryptography;
using System.Text;

namespace AdaptiveMooc.Silo.Migrations;

/// <summary>One versioned SQL script; <see cref="Version"/> is its file name without extension.</summary>
public sealed record Migration(string Version, string Sql)
{
    // Computed on read, not stored: a `with` copy that changes Sql must not keep the old checksum.
    public string Checksum => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n"))));
}
