//! What the view shows, computed from the state: the Monte Carlo outlook and the tornado.

use crate::state::Pace;
use compute_demand_core::{tornado, Metric, Outlook, Sampling, Scenario, Simulator, Tornado};

/// Samples per run while a slider moves: a fifth of the default keeps each update well
/// inside a frame; letting go recomputes with the scenario's own count.
pub const DRAG_SAMPLES: usize = 2_000;

/// The sampling for a pace: the scenario's own when settled.
pub fn sampling_for(scenario: &Scenario, pace: Pace) -> Sampling {
    match pace {
        Pace::Settled => scenario.sampling,
        Pace::Dragging => Sampling {
            samples: scenario.sampling.samples.min(DRAG_SAMPLES),
            seed: scenario.sampling.seed,
        },
    }
}

pub fn outlook(simulator: &mut Simulator, scenario: &Scenario, pace: Pace) -> Outlook {
    simulator
        .simulate(&scenario.model(), scenario, sampling_for(scenario, pace))
        .outlook()
}

pub fn sensitivity(scenario: &Scenario, metric: Metric, year: u16) -> Tornado {
    tornado(scenario, metric, year)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dragging_uses_fewer_samples_and_settling_the_scenarios_own() {
        let mut scenario = Scenario::default();
        let mut simulator = Simulator::new();
        assert_eq!(
            outlook(&mut simulator, &scenario, Pace::Dragging)
                .sampling
                .samples,
            DRAG_SAMPLES
        );
        assert_eq!(
            outlook(&mut simulator, &scenario, Pace::Settled)
                .sampling
                .samples,
            10_000
        );
        scenario.sampling.samples = 500;
        assert_eq!(sampling_for(&scenario, Pace::Dragging).samples, 500);
    }

    #[test]
    fn settled_figures_equal_the_cli_run() {
        let scenario = Scenario::default();
        let here = outlook(&mut Simulator::new(), &scenario, Pace::Settled);
        assert_eq!(here, Simulator::new().run(&scenario));
    }
}
