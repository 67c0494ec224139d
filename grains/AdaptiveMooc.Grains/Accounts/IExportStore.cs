namespace AdaptiveMooc.Grains.Accounts;

/// <summary>Finished export archives, and the rows of the platform's tables the export reads.</summary>
public interface IExportStore
{
    Task SaveAsync(string learnerId, Guid exportId, byte[] archive, DateTimeOffset at, CancellationToken cancellationToken);

    Task<byte[]?> LoadAsync(string learnerId, Guid exportId, CancellationToken cancellationToken);

    Task DeleteAllAsync(string learnerId, CancellationToken cancellationToken);

    /// <summary>
    /// The learner's rows of the social and commerce tables (forum threads and posts, votes, reports, webinar
    /// registrations, orders when such a table exists), each as JSON objects, by table name.
    /// </summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> ReadRowsAsync(string learnerId, CancellationToken cancellationToken);
}
