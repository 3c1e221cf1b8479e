use compute_demand_core::{Dist, Metric, Scenario, Simulator};
fn main() {
    let mut scenario = Scenario::default();
    let mut sim = Simulator::new();
    sim.simulate(&scenario.model(), &scenario, scenario.sampling);
    let id = compute_demand_core::data::ParamId::all()
        .find(|&id| compute_demand_core::PARAMS[id.index()].key == "training.frontier.growth")
        .unwrap();
    let t = std::time::Instant::now();
    for i in 0..300 {
        scenario.set(
            id,
            Dist::Range90 {
                low: 1.7 + (i % 7) as f64 * 0.01,
                high: 2.4,
            },
        );
        let model = scenario.model();
        sim.simulate(&model, &scenario, scenario.sampling);
        std::hint::black_box(sim.last().summary(Metric::FacilityPowerMw, 2030));
    }
    eprintln!("{:?} per drag", t.elapsed() / 300);
}
