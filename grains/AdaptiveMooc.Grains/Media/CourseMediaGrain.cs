using AdaptiveMooc.Grains.Abstractions;
using AdaptiveMooc.Grains.Abstractions.Courses;
using AdaptiveMooc.Grains.Abstractions.Media;

namespace AdaptiveMooc.Grains.Media;

/// <summary>
/// The course's file index. One call at a time, so two uploads racing for the last bytes of the course's
/// allowance cannot both pass the check.
/// </summary>
[GrainType("course-media")]
internal sealed class CourseMediaGrain(
    [PersistentState("courseMedia", StorageNames.Default)] IPersistentState<CourseMediaState> state) : Grain, ICourseMediaGrain
{
    public async Task<MediaRegistration> Register(MediaFile file, MediaLimits limits)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(limits);
        if (!MediaIds.IsValid(file.Id) || file.Size <= 0)
        {
            throw new ArgumentException("A media file needs a SHA-256 id and a positive size.", nameof(file));
        }

        if (state.State.Files.ContainsKey(file.Id))
        {
            return MediaRegistration.AlreadyPresent;
        }

        if (state.State.UsedBytes + file.Size > limits.MaxCourseBytes || state.State.Files.Count >= limits.MaxCourseFiles)
        {
            return MediaRegistration.OverCourseLimit;
        }

        state.State.Files[file.Id] = file;
        state.State.UsedBytes += file.Size;
        await state.WriteStateAsync();
        return MediaRegistration.Added;
    }

    public Task<MediaFile?> Get(string mediaId) =>
        Task.FromResult(mediaId is not null && state.State.Files.TryGetValue(mediaId, out var file) ? file : null);

    public Task<IReadOnlyList<MediaFile>> List() =>
        Task.FromResult<IReadOnlyList<MediaFile>>([.. state.State.Files.Values.OrderByDescending(f => f.UploadedAt).ThenBy(f => f.Id, StringComparer.Ordinal)]);

    public Task<long> UsedBytes() => Task.FromResult(state.State.UsedBytes);
}
