namespace AdaptiveMooc.Grains.Abstractions.Providers;

/// <summary>A provider: its profile, its admins (trainer accounts that run it), its trainers and courses.</summary>
[GenerateSerializer]
[Immutable]
[Alias("mooc.ProviderSnapshot")]
public sealed record ProviderSnapshot(
    [property: Id(0)] string Id,
    [property: Id(1)] ProviderProfile Profile,
    [property: Id(2)] IReadOnlyList<string> AdminIds,
    [property: Id(3)] IReadOnlyList<string> TrainerIds,
    [property: Id(4)] IReadOnlyList<string> CourseIds,
    [property: Id(5)] DateTimeOffset CreatedAt)
{
    public bool IsAdmin(string trainerId) => AdminIds.Contains(trainerId, StringComparer.Ordinal);

    /// <summary>Its trainers and its admins may attach courses to the provider.</summary>
    public bool IsTrainer(string trainerId) => IsAdmin(trainerId) || TrainerIds.Contains(trainerId, StringComparer.Ordinal);
}
