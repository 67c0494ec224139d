using System.Security.Cryptography;
using System.Text;

namespace AdaptiveMooc.Silo.Migrations;

/// <summary>One versioned SQL script; <see cref="Version"/> is its file name without extension.</summary>
public sealed record Migration(string Version, string Sql)
{
    public string Checksum { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n"))));
}
