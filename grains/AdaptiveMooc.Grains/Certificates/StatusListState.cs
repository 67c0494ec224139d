namespace AdaptiveMooc.Grains.Certificates;

[GenerateSerializer]
[Alias("mooc.certificate.statusList")]
internal sealed class StatusListState
{
    /// <summary>Entries handed out so far (the next free index).</summary>
    [Id(0)] public int Allocated { get; set; }

    /// <summary>The bitstring, <see cref="Abstractions.Certificates.StatusLists.Size"/> bits; a set bit is a revoked certificate.</summary>
    [Id(1)] public byte[] Bits { get; set; } = new byte[Abstractions.Certificates.StatusLists.Size / 8];
}
