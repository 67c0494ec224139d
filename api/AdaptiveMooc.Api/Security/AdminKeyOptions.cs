using System.ComponentModel.DataAnnotations;

namespace AdaptiveMooc.Api.Security;

public sealed class AdminKeyOptions
{
    public const string Section = "Mooc:AdminKey";

    /// <summary>File holding the admin API key (created by ./mooc up, mode 0600). Never committed.</summary>
    [Required]
    public string Path { get; set; } = ".data/secrets/admin.key";
}
