using KentMedwayCommissioning.TestSupport;

namespace KentMedwayCommissioning.IntegrationTests;

/// <summary>Tests in this collection share one app and database and run one after another.</summary>
[CollectionDefinition(nameof(SharedApp))]
public sealed class SharedApp : ICollectionFixture<TestApp>;
