using System.Text.RegularExpressions;

namespace AdaptiveMooc.Grains.Abstractions.Common;

/// <summary>The id rule of docs/API.md for courses, modules, lessons, items, learners and trainers.</summary>
public static partial class Ids
{
    public const int MaxLength = 64;

    public static bool IsValid(string? id) => id is not null && IdPattern().IsMatch(id);

    // \z, not $: $ also matches before a final newline, so "ada\n" would pass.
    [GeneratedRegex(@"^[a-z0-9-]{1,64}\z", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
