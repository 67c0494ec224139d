namespace AdaptiveMooc.Grains.Forums;

/// <summary>Word matching of the in-memory store's text search.</summary>
internal static class ForumText
{
    public static IReadOnlyList<string> Words(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(w => new string([.. w.Where(char.IsLetterOrDigit)]).ToLowerInvariant())
                .Where(w => w.Length > 0)
                .ToList();

    public static bool MatchesAll(IReadOnlyList<string> words, string title, string body)
    {
        var tokens = Words(title).Concat(Words(body)).ToHashSet(StringComparer.Ordinal);
        return words.All(w => tokens.Any(t => t.StartsWith(w, StringComparison.Ordinal)));
    }
}
