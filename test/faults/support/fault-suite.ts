import { assertBuilt, PostgresCluster } from './processes';
import { Backend, brokenPromises, Deployment, runScenario, ScenarioOptions } from './scenario';

export interface FaultSuite {
  /** What happens, in words: the describe title. */
  title: string;
  /** A short name for database names and the printed figures. */
  name: string;
  backends: Backend[];
  topology: { apis: number; workers: number };
  during: ScenarioOptions['during'];
  fault: ScenarioOptions['fault'];
}

/**
 * One scenario on each backend: a fresh deployment (own database, own Redis), a burst of
 * 1,000 posts with the fault in the middle, then the books are audited. Every process is
 * stopped afterwards, whatever happened.
 */
export function faultSuite(suite: FaultSuite): void {
  describe(suite.title, () => {
    let postgres: PostgresCluster | null = null;
    const deployments: Deployment[] = [];

    beforeAll(async () => {
      assertBuilt();
      postgres = await PostgresCluster.create();
      await postgres.resume();
    });

    afterAll(async () => {
      for (const deployment of deployments) await deployment.stop();
      await postgres?.destroy();
    });

    it.each(suite.backends)('on the %s queue: every accepted post ends screened, exactly once', async (backend) => {
      if (!postgres) throw new Error('postgres did not start');
      const deployment = new Deployment(postgres, backend, `${suite.name}_${backend}`);
      deployments.push(deployment);
      await deployment.start(suite.topology);
      const report = await runScenario({ label: `${suite.name} (${backend})`, deployment, during: suite.during, fault: suite.fault });
      const broken = brokenPromises(report, suite);
      if (broken.length > 0) process.stderr.write(deployment.output() + '\n');
      expect(broken).toEqual([]);
      await deployment.stop();
    });
  });
}
