using Orleans.Concurrency;

namespace AdaptiveMooc.Grains.Abstractions.Accounts;

/// <summary>
/// A learner's data exports, keyed by learner id. A request is durable before it is acknowledged and is
/// built in the background (a reminder retries it after a crash); the archive is kept in the export store.
/// </summary>
[Alias("mooc.accounts.IDataExportGrain")]
public interface IDataExportGrain : IGrainWithStringKey
{
    /// <summary>Starts an export (or answers the one still pending).</summary>
    [Alias("Request")]
    Task<ExportJob> Request();

    [ReadOnly]
    [Alias("Get")]
    Task<ExportJob?> Get(Guid id);

    /// <summary>The zip archive of a ready export; null otherwise.</summary>
    [Alias("GetArchive")]
    Task<byte[]?> GetArchive(Guid id);

    /// <summary>Drops every export of the learner (account deletion).</summary>
    [Alias("EraseAll")]
    Task EraseAll();
}
