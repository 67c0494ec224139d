using System.Text.Json;

namespace AdaptiveMooc.Tools.Import;

/// <summary>
/// What a time-shifted import must remember to resume: the presentation, its shifted start (day 0),
/// the replay clock's segments and how many events of the timeline are acknowledged by the platform.
/// Written after every acknowledged chunk (write, flush to disk, rename), so a restart posts again at
/// most the chunk in flight when it stopped, with the same ids and content, which the LRS answers 200
/// without storing twice.
/// </summary>
internal sealed record ReplayState(string Presentation, string CourseId, DateTimeOffset Start, IReadOnlyList<ReplaySegment> Segments, int Done)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task<ReplayState?> LoadAsync(string file, CancellationToken cancellationToken)
    {
        if (!File.Exists(file))
        {
            return null;
        }

        await using var stream = File.OpenRead(file);
        return await JsonSerializer.DeserializeAsync<ReplayState>(stream, Json, cancellationToken)
            ?? throw new InvalidDataException($"{file} holds no replay state.");
    }

    public async Task SaveAsync(string file, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(file);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = full + ".tmp";
        await using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            await JsonSerializer.SerializeAsync(stream, this, Json, cancellationToken);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, full, overwrite: true);
    }
}
