using KentMedwayCommissioning.TestSupport;

namespace KentMedwayCommissioning.IntegrationTests.Faults;

/// <summary>The app over a PostgreSQL cluster of its own, which the fault tests stop abruptly and start again.</summary>
public sealed class FaultApp : TestApp
{
    public PrivateCluster Cluster { get; private set; } = null!;

    public override async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Cluster.DisposeAsync();
    }

    protected override async Task<string> CreateDatabaseAsync()
    {
        Cluster = await PrivateCluster.StartAsync();
        return Cluster.ConnectionString("postgres");
    }
}
