namespace AdaptiveMooc.Grains;

internal static class GrainsAssembly
{
}
