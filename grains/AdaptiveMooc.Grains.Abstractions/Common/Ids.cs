using System.Text.RegularExpressions;

namespace AdaptiveMooc.Grains.Abstractions.Common;

/// <summary>The id rule of CONTRACT.md for courses, modules, lessons, items, learners and trainers.</summary>
public static partial class Ids
{
    public const int MaxLength = 64;

    public static bool IsValid(string? id) => id is not null && IdPattern().IsMatch(id);

    [GeneratedRegex("^[a-z0-9-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
