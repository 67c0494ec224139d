using AdaptiveMooc.Grains.Abstractions;
using AdaptiveMooc.Grains.Abstractions.Courses;

namespace AdaptiveMooc.Grains.Courses;

[GrainType("course-version")]
internal sealed class CourseVersionGrain(
    [PersistentState("courseVersion", StorageNames.Default)] IPersistentState<CourseVersionState> state) : Grain, ICourseVersionGrain
{
    public async Task<bool> Keep(CourseDefinition definition, DateTimeOffset publishedAt)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (state.State.Version is { } kept)
        {
            return Same(kept.Definition, definition);
        }

        var key = this.GetPrimaryKeyString();
        var number = int.Parse(key[(key.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        state.State.Version = new CourseVersion(number, definition, publishedAt);
        await state.WriteStateAsync();
        return true;
    }

    public Task<CourseVersion?> Get() => Task.FromResult(state.State.Version);

    // Records with list members compare lists by reference; compare what was written instead.
    internal static bool Same(CourseDefinition a, CourseDefinition b) =>
        ReferenceEquals(a, b)
        || System.Text.Json.JsonSerializer.Serialize(a) == System.Text.Json.JsonSerializer.Serialize(b);
}
